-- When the conversation actually took place, as the manager recorded it when holding it. The KPIs (days from
-- the meeting to the sign-off, satisfaction by month of the meeting) count from this time. Conversations held
-- before the column existed took place, as far as anyone recorded, at their planned time.

alter table conversation add column held_at timestamp with time zone;
update conversation set held_at = scheduled_at where documented_at is not null;
