-- Staff emails (issue #6): the outbox also addresses staff members, told by email when onboarding connects their
-- own account (notifyStaffConnected) and reminded to finish signing in to Zoom (remindStaffOfZoomSignIn).
-- A row names either a customer or a staff member. Plain SQL for H2 and PostgreSQL.
alter table notification_outbox alter column customer_id drop not null;
alter table notification_outbox add column staff_id bigint references staff (id);
