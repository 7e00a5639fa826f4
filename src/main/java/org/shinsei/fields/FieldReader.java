package org.shinsei.fields;

import java.time.LocalDate;

import org.shinsei.registration.RegisteredPage;
import org.shinsei.support.PageRef;
import org.springframework.stereotype.Component;

/** Reads the hand-written fields: phone, application date, signature presence, checkboxes. */
@Component
public class FieldReader {

    /** @param batchDate the date of the batch: an application date after it is DATE_INVALID */
    public FieldReadings read(RegisteredPage page, PageRef ref, LocalDate batchDate) {
        throw new UnsupportedOperationException("TODO(issue 2/4): fields");
    }
}
