package org.safereg.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.safereg.system.JobLeases;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
class JobsConfiguration {

    @Bean
    Jobs jobs(
            JobsMapper mapper,
            ObjectMapper json,
            ObjectProvider<JobFailureProblems> failures,
            JobLeases leases,
            JobsProperties properties,
            Clock clock) {
        return new Jobs(mapper, new JobProblems(json, failures), leases, properties, clock);
    }

    @Bean
    JobEvents jobEvents(Jobs jobs, JobsProperties properties) {
        return new JobEvents(jobs, properties);
    }

    /** Closed with the context (it is {@link AutoCloseable}): no partition is looked for after it. */
    @Bean
    Partitions partitions(
            JdbcTemplate jdbc,
            JobLeases leases,
            Clock clock,
            PartitionProperties properties,
            ObjectProvider<PartitionWork> works) {
        return new Partitions(jdbc, leases, clock, properties, works);
    }

    @Bean
    JobSweep jobSweep(Jobs jobs, JobsProperties properties, Clock clock) {
        return new JobSweep(jobs, properties, clock);
    }
}
