-- FlywayOutOfOrderIntegrationTest: the migration that merged (and ran) first
create table probe_newer (id int primary key);
