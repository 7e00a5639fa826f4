package org.shinsei.cli;

/** Entry point of the {@code shinsei} command. */
public final class ShinseiCli {

    private ShinseiCli() {
    }

    public static int run(String[] args) {
        return 2;
    }
}
