package dev.sluice.throttle.tree;

/** The two directions a transfer moves bytes in; a {@link LimitTree} shares each one on its own. */
public enum Direction {

    /** Bytes sent to the object store (PUT, UploadPart). */
    UPLOAD,

    /** Bytes received from the object store (GET). */
    DOWNLOAD
}
