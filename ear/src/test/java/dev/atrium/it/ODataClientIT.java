package dev.atrium.it;

import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Atrium's OData 4 service as an independent client library reads it: runs
 * {@code src/test/js/odata-client.test.mjs} (@odata/client) against the deployed EAR.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ODataClientIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return Deployments.atriumEar();
  }

  @Test
  void anIndependentODataClientReadsAndWritesThroughTheService() throws Exception {
    NodeTests.run("odata-client.test.mjs", Map.of(), 120);
  }
}
