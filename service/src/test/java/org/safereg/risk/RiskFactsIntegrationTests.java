package org.safereg.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.safereg.province.SyntheticProvince;
import org.safereg.support.IntegrationTest;
import org.safereg.system.IdList;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A city's page is read by the list of its enterprises' ids, an unsplit run's page by an id range: both must
 * read the same facts, or a run split by city would decide differently from one that is not.
 */
@IntegrationTest
class RiskFactsIntegrationTests {

    @Autowired
    RiskMapper mapper;

    @Autowired
    DataSource dataSource;

    @Autowired
    Clock clock;

    @Test
    void enterprisesReadByTheirIdsHaveTheFactsTheyHaveInTheirRange() {
        SyntheticProvince province = new SyntheticProvince(dataSource);
        province.clear();
        try {
            LocalDate today = LocalDate.now(clock);
            province.generate(300, 20260101L, today);
            List<RiskFactsRow> byRange = mapper.factsBetween(0, Long.MAX_VALUE, today);
            assertThat(byRange).hasSize(300);
            // every third enterprise, spread over the range as a city's are, and an id no enterprise has
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < byRange.size(); i += 3) {
                ids.add(byRange.get(i).enterpriseId());
            }
            Set<Long> chosen = Set.copyOf(ids);
            ids.add(byRange.get(byRange.size() - 1).enterpriseId() + 1_000_000);

            List<RiskFactsRow> byIds = mapper.factsOf(IdList.of(ids), today);

            assertThat(byIds)
                    .hasSize(100)
                    .containsExactlyElementsOf(byRange.stream()
                            .filter(row -> chosen.contains(row.enterpriseId()))
                            .toList());
        } finally {
            province.clear();
        }
    }
}
