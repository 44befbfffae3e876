package org.safereg.system;

import java.util.Properties;
import org.apache.ibatis.mapping.DatabaseIdProvider;
import org.apache.ibatis.mapping.VendorDatabaseIdProvider;
import org.mybatis.spring.boot.autoconfigure.ConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * MyBatis settings that are code, not properties: how rows are made ({@link RowFactory}), batches prepared on the
 * client ({@link ClientPreparedBatches}), and the database's
 * name for a mapper statement that only MySQL/MariaDB can run as written ({@code databaseId="mysql"}, beside a
 * plain one that runs everywhere, the embedded H2 included).
 */
@Configuration(proxyBeanMethods = false)
class MybatisSettings {

    @Bean
    ConfigurationCustomizer mybatisCode() {
        return configuration -> {
            configuration.setObjectFactory(new RowFactory());
            configuration.addInterceptor(new ClientPreparedBatches());
        };
    }

    @Bean
    DatabaseIdProvider databaseIds() {
        Properties names = new Properties();
        names.setProperty("MySQL", "mysql");
        names.setProperty("MariaDB", "mysql");
        names.setProperty("H2", "h2");
        VendorDatabaseIdProvider provider = new VendorDatabaseIdProvider();
        provider.setProperties(names);
        return provider;
    }
}
