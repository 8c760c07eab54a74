-- Erasure of a departed employee's personal data (privacy/PersonalData).

-- What an erasure removed, and who did it — never whom: no id, name, e-mail address or hash of them.
-- The id is a random UUID the HR partner can file with the data-subject request.
create table erasure_audit (
    id                varchar(36)  not null primary key,
    erased_at         timestamp with time zone not null,
    erased_by         varchar(64)  not null,
    conversations     integer      not null,
    process_instances integer      not null,
    app_records       integer      not null,
    engine_records    integer      not null
);

-- A conversation outlives the manager who held it: once that manager is erased, the record keeps the
-- conversation but no longer names them.
alter table conversation alter column manager_id drop not null;
