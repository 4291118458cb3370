package dev.vigil.ingest.file;

/** Where a tailer stands in a file: the file's inode (its identity across renames) and the byte offset read up to. */
public record TailPosition(long inode, long offset) {

    public static final TailPosition START = new TailPosition(-1, 0);

    /** The later of two positions in the same file; a position in another file (rotated) loses to this one. */
    public TailPosition max(TailPosition other) {
        if (other == null || other.inode != inode) {
            return this;
        }
        return other.offset > offset ? other : this;
    }
}
