package org.safereg;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SafeRegApplication {

    public static void main(String[] args) {
        SpringApplication.run(SafeRegApplication.class, args);
    }
}
