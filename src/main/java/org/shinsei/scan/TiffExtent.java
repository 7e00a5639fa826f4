package org.shinsei.scan;

import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;

/**
 * Whether every strip or tile of a TIFF image lies inside the file. The JDK's decoders fill missing data with
 * zeros instead of failing, so a truncated TIFF would otherwise yield a page with its bottom blacked out.
 */
final class TiffExtent {

    private TiffExtent() {
    }

    static boolean withinFile(IIOMetadata metadata, long fileLength) throws IIOInvalidTreeException {
        TIFFDirectory dir = TIFFDirectory.createFromMetadata(metadata);
        return fits(dir.getTIFFField(BaselineTIFFTagSet.TAG_STRIP_OFFSETS),
                dir.getTIFFField(BaselineTIFFTagSet.TAG_STRIP_BYTE_COUNTS), fileLength)
                && fits(dir.getTIFFField(BaselineTIFFTagSet.TAG_TILE_OFFSETS),
                dir.getTIFFField(BaselineTIFFTagSet.TAG_TILE_BYTE_COUNTS), fileLength);
    }

    private static boolean fits(TIFFField offsets, TIFFField counts, long fileLength) {
        if (offsets == null || counts == null) {
            return true;
        }
        int n = Math.min(offsets.getCount(), counts.getCount());
        for (int i = 0; i < n; i++) {
            if (offsets.getAsLong(i) + counts.getAsLong(i) > fileLength) {
                return false;
            }
        }
        return true;
    }
}
