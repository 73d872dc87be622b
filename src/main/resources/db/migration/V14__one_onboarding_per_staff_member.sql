-- #14: one running staff onboarding per staff member, guaranteed by the database rather than by a query before the
-- start. Starting an onboarding writes the staff member's row in the transaction that starts the process instance:
-- of two concurrent starts the second fails on the primary key and is answered 409 onboarding-running. A row whose
-- instance has ended (completed, expired, refused, cancelled) is replaced by the next start.
create table staff_onboarding_run (
    staff_id             bigint       primary key references staff (id),
    process_instance_id  varchar(64)  not null,
    started_at           timestamp with time zone not null
);
