package org.shinsei.photo;

import org.shinsei.registration.RegisteredPage;
import org.shinsei.support.PageRef;
import org.springframework.stereotype.Component;

/** Finds the pasted photo print, measures it in millimetres and checks it against the photo rules. */
@Component
public class PhotoInspector {

    public PhotoMeasurement inspect(RegisteredPage page, PageRef ref) {
        throw new UnsupportedOperationException("TODO(issue 2/5): photo");
    }
}
