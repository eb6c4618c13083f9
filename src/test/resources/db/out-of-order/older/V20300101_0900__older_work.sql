-- FlywayOutOfOrderIntegrationTest: written earlier on a parallel branch, merged after the newer one ran
create table probe_older (id int primary key);
