package org.safereg.system;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The tables a feature owns: only its own mappers read and write them. Other features read what it publishes
 * as views (listed in {@link #publishes()}), which it creates and keeps in its migrations, or call its Java API.
 * Put on the feature's {@code package-info.java}; {@code TableOwnershipTests} holds every mapper to it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PACKAGE)
public @interface OwnsTables {

    /** The tables this feature creates and alone writes. */
    String[] value();

    /** The read views over them that other features may read. */
    String[] publishes() default {};
}
