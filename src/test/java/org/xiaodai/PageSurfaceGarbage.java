package org.xiaodai;

import java.util.List;

/** The garbage {@link PageSurfaceIntegrationTest} fills forms with, for module tests that fill their own forms. */
public final class PageSurfaceGarbage {

    public static final List<String> VALUES = PageSurfaceIntegrationTest.GARBAGE;

    private PageSurfaceGarbage() {
    }
}
