package org.shinsei.id;

import org.shinsei.registration.RegisteredPage;
import org.shinsei.support.PageRef;
import org.springframework.stereotype.Component;

/** Reads the 申請書ID from the QR code and the printed digits and cross-checks them. */
@Component
public class IdReader {

    public IdReading read(RegisteredPage page, PageRef ref) {
        throw new UnsupportedOperationException("TODO(issue 2/3): id");
    }
}
