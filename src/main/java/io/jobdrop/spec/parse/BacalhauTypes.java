package io.jobdrop.spec.parse;

import io.jobdrop.spec.InputSource;
import io.jobdrop.spec.Job;
import io.jobdrop.spec.JobState;
import io.jobdrop.spec.JobStateType;
import io.jobdrop.spec.LabelSelectorRequirement;
import io.jobdrop.spec.Network;
import io.jobdrop.spec.NetworkConfig;
import io.jobdrop.spec.PortMapping;
import io.jobdrop.spec.ResourcesConfig;
import io.jobdrop.spec.ResultPath;
import io.jobdrop.spec.SpecConfig;
import io.jobdrop.spec.Task;
import io.jobdrop.spec.TimeoutConfig;

import java.util.List;
import java.util.Map;

/**
 * Bacalhau's job model ({@code pkg/models}) as {@code encoding/json} sees it: JSON names, Go types (their names
 * appear in type errors), pointers versus values. Field names are the Go names; only {@code ResourcesConfig} is
 * written as {@code Resources}.
 */
final class BacalhauTypes {

    private static final GoType STRING = new GoString("string");
    private static final GoType INT = new GoInteger("int", false);
    private static final GoType INT64 = new GoInteger("int64", false);
    private static final GoType UINT64 = new GoInteger("uint64", true);
    private static final GoType STRINGS = new GoSlice("[]string", STRING);
    private static final GoType STRING_MAP = new GoMap("map[string]string", STRING);
    private static final GoType ENV_MAP = new GoMap("map[string]models.EnvVarValue", new GoString("models.EnvVarValue"));
    private static final GoType PARAMS = new GoMap("map[string]interface {}", GoAny.INSTANCE);

    private static final GoTextEnum NETWORK = new GoTextEnum("models.Network", Network.DEFAULT,
            text -> Network.parse(text)
                    .map(n -> new GoTextEnum.Parsed(n, null))
                    .orElseGet(() -> new GoTextEnum.Parsed(null, "models.Network: unknown type '" + text + "'")));
    private static final GoTextEnum STATE_TYPE = new GoTextEnum("models.JobStateType", JobStateType.UNDEFINED,
            text -> new GoTextEnum.Parsed(JobStateType.parse(text), null));

    static final GoStruct SPEC_CONFIG = new GoStruct("models.SpecConfig", "SpecConfig", SpecConfig::new, List.of(
            GoField.of(SpecConfig.class, "Type", STRING, c -> c.type, (c, v) -> c.type = (String) v),
            GoField.of(SpecConfig.class, "Params", PARAMS, c -> c.params, (c, v) -> c.params = map(v))));

    static final GoStruct INPUT_SOURCE = new GoStruct("models.InputSource", "InputSource", InputSource::new, List.of(
            GoField.of(InputSource.class, "Source", new GoPointer(SPEC_CONFIG), s -> s.source,
                    (s, v) -> s.source = (SpecConfig) v),
            GoField.of(InputSource.class, "Alias", STRING, s -> s.alias, (s, v) -> s.alias = (String) v),
            GoField.of(InputSource.class, "Target", STRING, s -> s.target, (s, v) -> s.target = (String) v)));

    static final GoStruct RESULT_PATH = new GoStruct("models.ResultPath", "ResultPath", ResultPath::new, List.of(
            GoField.of(ResultPath.class, "Name", STRING, r -> r.name, (r, v) -> r.name = (String) v),
            GoField.of(ResultPath.class, "Path", STRING, r -> r.path, (r, v) -> r.path = (String) v)));

    static final GoStruct RESOURCES = new GoStruct("models.ResourcesConfig", "ResourcesConfig", ResourcesConfig::new,
            List.of(
                    GoField.of(ResourcesConfig.class, "CPU", STRING, r -> r.cpu, (r, v) -> r.cpu = (String) v),
                    GoField.of(ResourcesConfig.class, "Memory", STRING, r -> r.memory, (r, v) -> r.memory = (String) v),
                    GoField.of(ResourcesConfig.class, "Disk", STRING, r -> r.disk, (r, v) -> r.disk = (String) v),
                    GoField.of(ResourcesConfig.class, "GPU", STRING, r -> r.gpu, (r, v) -> r.gpu = (String) v)));

    static final GoStruct PORT_MAPPING = new GoStruct("models.PortMapping", "PortMapping", PortMapping::new, List.of(
            GoField.of(PortMapping.class, "Name", STRING, p -> p.name, (p, v) -> p.name = (String) v),
            GoField.of(PortMapping.class, "Static", INT, p -> p.staticPort, (p, v) -> p.staticPort = (Long) v),
            GoField.of(PortMapping.class, "Target", INT, p -> p.target, (p, v) -> p.target = (Long) v),
            GoField.of(PortMapping.class, "HostNetwork", STRING, p -> p.hostNetwork,
                    (p, v) -> p.hostNetwork = (String) v)));

    static final GoStruct NETWORK_CONFIG = new GoStruct("models.NetworkConfig", "NetworkConfig", NetworkConfig::new,
            List.of(
                    GoField.of(NetworkConfig.class, "Type", NETWORK, n -> n.type, (n, v) -> n.type = (Network) v),
                    GoField.of(NetworkConfig.class, "Domains", STRINGS, n -> n.domains, (n, v) -> n.domains = list(v)),
                    GoField.of(NetworkConfig.class, "Ports", new GoSlice("models.PortMap", new GoPointer(PORT_MAPPING)),
                            n -> n.ports, (n, v) -> n.ports = list(v))));

    static final GoStruct TIMEOUTS = new GoStruct("models.TimeoutConfig", "TimeoutConfig", TimeoutConfig::new, List.of(
            GoField.of(TimeoutConfig.class, "ExecutionTimeout", INT64, t -> t.executionTimeout,
                    (t, v) -> t.executionTimeout = (Long) v),
            GoField.of(TimeoutConfig.class, "QueueTimeout", INT64, t -> t.queueTimeout,
                    (t, v) -> t.queueTimeout = (Long) v),
            GoField.of(TimeoutConfig.class, "TotalTimeout", INT64, t -> t.totalTimeout,
                    (t, v) -> t.totalTimeout = (Long) v)));

    static final GoStruct TASK = new GoStruct("models.Task", "Task", Task::new, List.of(
            GoField.of(Task.class, "Name", STRING, t -> t.name, (t, v) -> t.name = (String) v),
            GoField.of(Task.class, "Engine", new GoPointer(SPEC_CONFIG), t -> t.engine, (t, v) -> t.engine = (SpecConfig) v),
            GoField.of(Task.class, "Publisher", new GoPointer(SPEC_CONFIG), t -> t.publisher,
                    (t, v) -> t.publisher = (SpecConfig) v),
            GoField.of(Task.class, "Env", ENV_MAP, t -> t.env, (t, v) -> t.env = map(v)),
            GoField.of(Task.class, "Meta", STRING_MAP, t -> t.meta, (t, v) -> t.meta = map(v)),
            GoField.of(Task.class, "InputSources", new GoSlice("[]*models.InputSource", new GoPointer(INPUT_SOURCE)),
                    t -> t.inputSources, (t, v) -> t.inputSources = list(v)),
            GoField.of(Task.class, "ResultPaths", new GoSlice("[]*models.ResultPath", new GoPointer(RESULT_PATH)),
                    t -> t.resultPaths, (t, v) -> t.resultPaths = list(v)),
            GoField.of(Task.class, "Resources", new GoPointer(RESOURCES), t -> t.resources,
                    (t, v) -> t.resources = (ResourcesConfig) v),
            GoField.of(Task.class, "Network", new GoPointer(NETWORK_CONFIG), t -> t.network,
                    (t, v) -> t.network = (NetworkConfig) v),
            GoField.of(Task.class, "Timeouts", new GoPointer(TIMEOUTS), t -> t.timeouts,
                    (t, v) -> t.timeouts = (TimeoutConfig) v)));

    static final GoStruct CONSTRAINT = new GoStruct("models.LabelSelectorRequirement", "LabelSelectorRequirement",
            LabelSelectorRequirement::new, List.of(
                    GoField.of(LabelSelectorRequirement.class, "Key", STRING, r -> r.key, (r, v) -> r.key = (String) v),
                    GoField.of(LabelSelectorRequirement.class, "Operator", new GoString("selection.Operator"),
                            r -> r.operator, (r, v) -> r.operator = (String) v),
                    GoField.of(LabelSelectorRequirement.class, "Values", STRINGS, r -> r.values,
                            (r, v) -> r.values = list(v))));

    private static final String STATE_NAME = "State[github.com/bacalhau-project/bacalhau/pkg/models.JobStateType]";

    static final GoStruct STATE = new GoStruct("models." + STATE_NAME, STATE_NAME, JobState::new, List.of(
            GoField.of(JobState.class, "StateType", STATE_TYPE, s -> s.stateType,
                    (s, v) -> s.stateType = (JobStateType) v),
            GoField.of(JobState.class, "Message", STRING, s -> s.message, (s, v) -> s.message = (String) v),
            GoField.of(JobState.class, "Details", STRING_MAP, s -> s.details, (s, v) -> s.details = map(v))));

    /** The job, named {@code job} in errors after the alias type of its custom decoder. */
    static final GoStruct JOB = new GoStruct("models.Job", "job", Job::new, List.of(
            GoField.of(Job.class, "ID", STRING, j -> j.id, (j, v) -> j.id = (String) v),
            GoField.of(Job.class, "Name", STRING, j -> j.name, (j, v) -> j.name = (String) v),
            GoField.of(Job.class, "Namespace", STRING, j -> j.namespace, (j, v) -> j.namespace = (String) v),
            GoField.of(Job.class, "Type", STRING, j -> j.type, (j, v) -> j.type = (String) v),
            GoField.of(Job.class, "Priority", INT, j -> j.priority, (j, v) -> j.priority = (Long) v),
            GoField.of(Job.class, "Count", INT, j -> j.count, (j, v) -> j.count = (Long) v),
            GoField.of(Job.class, "Constraints",
                    new GoSlice("[]*models.LabelSelectorRequirement", new GoPointer(CONSTRAINT)),
                    j -> j.constraints, (j, v) -> j.constraints = list(v)),
            GoField.of(Job.class, "Meta", STRING_MAP, j -> j.meta, (j, v) -> j.meta = map(v)),
            GoField.of(Job.class, "Labels", STRING_MAP, j -> j.labels, (j, v) -> j.labels = map(v)),
            GoField.of(Job.class, "Tasks", new GoSlice("[]*models.Task", new GoPointer(TASK)), j -> j.tasks,
                    (j, v) -> j.tasks = list(v)),
            GoField.of(Job.class, "State", STATE, j -> j.state, (j, v) -> j.state = (JobState) v),
            GoField.of(Job.class, "Version", UINT64, j -> j.version, (j, v) -> j.version = (Long) v),
            GoField.of(Job.class, "Revision", UINT64, j -> j.revision, (j, v) -> j.revision = (Long) v),
            GoField.of(Job.class, "CreateTime", INT64, j -> j.createTime, (j, v) -> j.createTime = (Long) v),
            GoField.of(Job.class, "ModifyTime", INT64, j -> j.modifyTime, (j, v) -> j.modifyTime = (Long) v)));

    private BacalhauTypes() {
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> map(Object v) {
        return (Map<String, V>) v;
    }

    @SuppressWarnings("unchecked")
    private static <E> List<E> list(Object v) {
        return (List<E>) v;
    }
}
