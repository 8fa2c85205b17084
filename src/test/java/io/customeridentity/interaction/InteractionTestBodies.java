package io.customeridentity.interaction;

import java.util.Map;

/** Interaction request bodies for tests of other modules. */
public final class InteractionTestBodies {

    private InteractionTestBodies() {}

    /** A valid web visit with a unique external id. */
    public static Map<String, Object> visit() {
        return InteractionApi.aVisit("web", InteractionRecordingIntegrationTests.unique("visit"));
    }
}
