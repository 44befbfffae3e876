package org.safereg.province;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safereg.province.ProvinceProperties.Generate;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ProvincePropertiesTests {

    @Test
    void withNothingSetTheEmbeddedDatabaseGetsThreeThousandEnterprisesFromTheDefaultSeed() {
        ProvinceProperties properties = bind(Map.of());

        assertThat(properties.generate()).isEqualTo(Generate.EMBEDDED);
        assertThat(properties.size()).isEqualTo(3000);
        assertThat(properties.seed()).isEqualTo(20260101L);
        assertThat(properties.asOf()).isNull();
    }

    @Test
    void environmentStyleValuesBind() {
        ProvinceProperties properties = bind(Map.of(
                "safereg.province.generate", "always",
                "safereg.province.size", "100000",
                "safereg.province.seed", "42",
                "safereg.province.as-of", "2025-12-31"));

        assertThat(properties.generate()).isEqualTo(Generate.ALWAYS);
        assertThat(properties.size()).isEqualTo(100_000);
        assertThat(properties.seed()).isEqualTo(42L);
        assertThat(properties.asOf()).isEqualTo(LocalDate.of(2025, 12, 31));
    }

    private static ProvinceProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("safereg.province", ProvinceProperties.class);
    }
}
