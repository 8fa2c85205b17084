package io.customeridentity.support.wire;

import java.util.Comparator;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Runs the contract check after every other test class, whatever order they run in (the others keep the order they
 * were discovered in): it checks what they all received. Set in {@code junit-platform.properties}.
 */
public class ContractCheckLast implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors()
                .sort(Comparator.comparing(descriptor -> descriptor.isAnnotated(ChecksTheRecordedWire.class)));
    }
}
