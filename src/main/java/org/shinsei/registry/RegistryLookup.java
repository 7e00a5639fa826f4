package org.shinsei.registry;

/**
 * Where the registry facts of a decision come from: the installation's registry ({@link RegistryCheck}) when a batch
 * runs, the facts the audit log recorded when it is replayed.
 */
@FunctionalInterface
public interface RegistryLookup {

    RegistryFact lookup(String applicationId);
}
