package io.jobdrop.store;

/** A job version as events and changes name it. */
record JobRef(String id, String namespace, String name, long version) {

    JobChange change(Change change) {
        return new JobChange(id, namespace, name, version, change);
    }
}
