-- Running it in a cluster: sessions every node can read, the notes that show an interrupted round, and an
-- index for the outbox figures. Types that H2 and PostgreSQL read the same way.

-- The webapps' sessions (Spring Session JDBC's layout): whoever is logged in stays logged in when a node goes.
-- principal_name is the Camunda user id; an erasure deletes that person's rows.
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval integer      not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

-- A round's chunk notes here, in a transaction of its own, that it has begun; its own commit removes the
-- note. A chunk that finds its note still there was cut off before (round/ChunkAttempts). No personal data.
create table round_chunk_attempt (
    round_id   varchar(64)  not null,   -- the CycleScheduler process instance
    chunk      integer      not null,   -- 1, 2, ... in the order the round runs them
    started_at timestamp with time zone not null,
    node       varchar(200) not null,   -- the node that began it (careers.node-name)
    primary key (round_id, chunk)
);

-- the outbox figures (mails not yet sent, the oldest of them) without reading every mail
create index ix_notification_state on notification (state, created_at);
