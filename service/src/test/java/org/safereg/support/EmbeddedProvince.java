package org.safereg.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The embedded default (H2 in MySQL mode) with a small synthetic province, called through MockMvc. One
 * annotation for every test of it, so that they share one application context instead of starting their own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        properties = {
            "safereg.scheduling.enabled=false",
            "safereg.province.generate=always",
            "safereg.province.size=400"
        })
@AutoConfigureMockMvc
public @interface EmbeddedProvince {}
