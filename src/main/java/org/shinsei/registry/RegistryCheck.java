package org.shinsei.registry;

import java.util.List;

import org.shinsei.decision.Reason;
import org.springframework.stereotype.Component;

/** Placeholder until the registry lands (issue 3). */
@Component
public class RegistryCheck {

    public List<Reason> check(String applicationId) {
        throw new UnsupportedOperationException("TODO(issue 3): registry");
    }
}
