package org.xiaodai;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Xiaodai (小贷): a microloan platform for the lending institutions of one supervision region and
 * their regulator. Each direct sub-package of {@code org.xiaodai} is an application module; see
 * the README for the module map.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "shared")
public class XiaodaiApplication {

    public static void main(String[] args) {
        SpringApplication.run(XiaodaiApplication.class, args);
    }
}
