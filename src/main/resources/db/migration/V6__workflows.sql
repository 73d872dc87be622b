-- Workflows (issue #6): the course link update-and-notify process counts the emails of one course link change
-- (course + link version) by status after every round; without this index that is a scan of the whole outbox.
create index notification_outbox_course_change_idx on notification_outbox (service_id, link_version, status);
