package org.shinsei;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ShinseiApplication {
    public static void main(String[] args) {
        System.exit(org.shinsei.cli.ShinseiCli.run(args));
    }
}
