package io.jobdrop.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.ser.impl.SimpleBeanPropertyFilter;
import com.fasterxml.jackson.databind.ser.impl.SimpleFilterProvider;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * Jobs as JSON, written the way Bacalhau writes them: Go field order, map keys sorted (Go's encoding/json sorts map
 * keys), omitempty where Go has it.
 */
public final class JobJson {

    /** Fields the orchestrator generates; a forwarded spec leaves them out. */
    public static final List<String> SERVER_FIELDS = List.of("ID", "State", "Version", "Revision", "CreateTime", "ModifyTime");

    /** The filter id {@link Job} carries: the full writer lets every field through, the spec writer drops server fields. */
    static final String FIELDS_FILTER = "jobFields";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .filterProvider(new SimpleFilterProvider().addFilter(FIELDS_FILTER, SimpleBeanPropertyFilter.serializeAll()))
            .build();
    private static final ObjectWriter SPEC_WRITER = MAPPER.writer(new SimpleFilterProvider()
            .addFilter(FIELDS_FILTER, SimpleBeanPropertyFilter.serializeAllExcept(Set.copyOf(SERVER_FIELDS))));

    private JobJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The whole job, server fields included. */
    public static String write(Job job) {
        try {
            return MAPPER.writeValueAsString(job);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The job as a submission: what {@code PUT /api/v1/orchestrator/jobs} takes under {@code "Job"}. */
    public static String writeSpec(Job job) {
        try {
            return SPEC_WRITER.writeValueAsString(job);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Job read(String json) {
        try {
            return MAPPER.readValue(json, Job.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

}
