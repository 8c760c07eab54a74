-- Rounds in parallel: a round divides the employees due into ranges of ids (round/DivideRound), and the job
-- executors of every node start several chunks at the same time. A chunk's row holds its range and, once it
-- has run, what it did; the round adds them up at its end and then deletes its rows, so the employees' ids
-- stay here only while the round runs. Types that H2 and PostgreSQL read the same way.
create table round_chunk (
    round_id          varchar(64)  not null,   -- the CycleScheduler process instance
    chunk             integer      not null,   -- 1, 2, ... (the multi-instance's loopCounter + 1)
    after_employee_id varchar(64),             -- the range: the ids after this one (none: from the first) ...
    last_employee_id  varchar(64),             -- ... up to and with this one (none: to the last)
    due               integer      not null,   -- employees due in the range when the round was divided
    started           integer,                 -- conversations the chunk started; set when it ran through
    failed_attempts   integer      not null default 0,   -- attempts that failed (each one retried)
    last_failure      varchar(2000),
    interruptions     integer      not null default 0,   -- attempts cut off before their commit
    last_interruption varchar(500),
    interrupted_at    timestamp with time zone,
    primary key (round_id, chunk)
);
