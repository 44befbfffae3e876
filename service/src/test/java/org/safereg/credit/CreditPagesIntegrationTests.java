package org.safereg.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.safereg.province.SyntheticProvince;
import org.safereg.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A city's page is read by the list of its enterprises' ids, an unsplit run's page by an id range: both must
 * read the same facts and accidents, or a run split by city would decide differently from one that is not.
 */
@IntegrationTest
class CreditPagesIntegrationTests {

    @Autowired
    CreditPages pages;

    @Autowired
    CreditProperties properties;

    @Autowired
    DataSource dataSource;

    @Autowired
    Clock clock;

    @Test
    void aPageReadByItsIdsHasTheFactsOfThePageReadByRange() {
        SyntheticProvince province = new SyntheticProvince(dataSource);
        province.clear();
        try {
            province.generate(600, 20260101L, LocalDate.now(clock));
            CreditWindow window = CreditWindow.now(clock, properties);
            CreditPage byRange = pages.after(0, window);
            assertThat(byRange.rows()).hasSize(Math.min(600, pages.pageSize()));
            // every third enterprise, spread over the range as a city's are, and an id no enterprise has
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < byRange.rows().size(); i += 3) {
                ids.add(byRange.rows().get(i).enterpriseId());
            }
            Set<Long> chosen = Set.copyOf(ids);
            ids.add(byRange.lastId() + 1_000_000);

            CreditPage byIds = pages.of(ids, window);

            assertThat(byIds.rows())
                    .containsExactlyElementsOf(byRange.rows().stream()
                            .filter(row -> chosen.contains(row.enterpriseId()))
                            .toList());
            Map<Long, List<Accident>> accidents = byRange.accidents().entrySet().stream()
                    .filter(e -> chosen.contains(e.getKey()))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertThat(accidents)
                    .as("the chosen enterprises have accidents to compare")
                    .isNotEmpty();
            assertThat(byIds.accidents()).isEqualTo(accidents);
            assertThat(byIds.lastId()).isEqualTo(ids.get(ids.size() - 2));
            assertThat(pages.of(List.of(), window).isEmpty()).isTrue();
        } finally {
            province.clear();
        }
    }
}
