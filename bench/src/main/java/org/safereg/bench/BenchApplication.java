package org.safereg.bench;

import java.io.IOException;
import org.safereg.SafeRegApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * The service with this module's benchmarks beside it: the one a {@code safereg.benchmark.*} property names
 * (credit, risk, plan, tasks; see scripts/benchmark-*.sh) runs once the service has started, prints its
 * figures and exits. The benchmarks sit in the packages of the features they measure, so the service's own
 * component scan finds them.
 */
@Configuration(proxyBeanMethods = false)
@Import(SafeRegApplication.class)
public class BenchApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(BenchApplication.class);
        application.addInitializers(context ->
                context.getBeanFactory().registerSingleton("withoutServiceTests", new WithoutServiceTests()));
        application.run(args);
    }

    /**
     * The service's test classes are on the class path for the drivers' tokens and workbooks; the probes and
     * stand-ins among them must not become beans of the service the benchmarks measure.
     */
    static final class WithoutServiceTests extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            String location = reader.getResource().getURL().toString();
            return location.contains("-tests.jar!/") || location.contains("/test-classes/");
        }
    }
}
