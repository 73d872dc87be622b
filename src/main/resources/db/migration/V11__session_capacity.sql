-- #11: how many customers a session takes. A one-on-one session takes exactly one (S17); classes and courses take
-- what the business set, 20 unless it said otherwise. A session already fuller than that keeps its bookings and
-- takes no more.
alter table session add column capacity integer;

update session set capacity = case
        when (select v.kind from service v where v.id = session.service_id) = 'ONE_ON_ONE' then 1
        else greatest(20, (select count(*) from booking b where b.session_id = session.id and b.status = 'BOOKED'))
    end;

alter table session alter column capacity set not null;
alter table session add constraint session_capacity_at_least_one check (capacity >= 1);
