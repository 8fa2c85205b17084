package io.customeridentity.support;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * ArchUnit's import option for the classes we write: it leaves out what Spring AOT generates into
 * {@code target/classes} when the jar is built ({@code CustomerIdentityApplication__BeanDefinitions} and the like),
 * which wires every module to Spring by design.
 */
public final class HandWrittenClasses implements ImportOption {

    @Override
    public boolean includes(Location location) {
        return !location.contains("__");
    }
}
