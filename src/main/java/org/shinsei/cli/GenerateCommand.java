package org.shinsei.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.shinsei.sample.SampleBatchGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code shinsei generate <dir>}: regenerate the sample batch (deterministic) with the project's generator. */
@Command(name = "generate", description = "Write the sample batch (envelopes, registry.csv, expected.csv, README.md) to a folder.")
final class GenerateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<folder>", description = "where to write it, e.g. sample-scans")
    Path folder;

    @Override
    public Integer call() throws Exception {
        SampleBatchGenerator.generate(folder);
        System.out.println("sample batch written to " + folder);
        return ShinseiCli.EXIT_OK;
    }
}
