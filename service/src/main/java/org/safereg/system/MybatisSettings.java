package org.safereg.system;

import org.mybatis.spring.boot.autoconfigure.ConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** MyBatis settings that are code, not properties: how rows are made ({@link RowFactory}). */
@Configuration(proxyBeanMethods = false)
class MybatisSettings {

    @Bean
    ConfigurationCustomizer rowFactory() {
        return configuration -> configuration.setObjectFactory(new RowFactory());
    }
}
