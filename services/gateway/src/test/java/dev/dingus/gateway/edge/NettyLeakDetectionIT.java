package dev.dingus.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.gateway.support.GatewayTestBase;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.Test;

/** Serving runs without Netty's leak detector (a stack trace per sampled buffer); DINGUS_NETTY_LEAK_DETECTION turns it on. */
class NettyLeakDetectionIT extends GatewayTestBase {

    @Test
    void leakDetectionIsOffUnlessAskedFor() {
        assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.DISABLED);
    }
}
