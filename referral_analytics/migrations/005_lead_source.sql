-- How a lead came (a CRM's "Lead Source": Referral, Sphere, Past client, Portal, Website, Open
-- house, Sign call, Social media, Paid ads, Event, Other; vocabulary.LEAD_SOURCES), kept apart
-- from the inner-circle source group it used to be read as. A deal with no source of its own
-- takes its contact's (lead_conversion.sql). Added to the replaced versions too, so undo can
-- put a contact back whole.
alter table contacts add column lead_source varchar;
alter table contacts_replaced add column lead_source varchar;
