package io.jobdrop.spec.parse;

import io.jobdrop.spec.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class JobDecoderErrorsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "Count: '1'|Count|field: 'Count' in 'job' is invalid type: 'string' expected: 'int'",
            "Count: 1.5|Count|field: 'Count' in 'job' is invalid type: 'number 1.5' expected: 'int'",
            "Count: 1e21|Count|field: 'Count' in 'job' is invalid type: 'number 1e+21' expected: 'int'",
            "Count: 99999999999999999999|Count|field: 'Count' in 'job' is invalid type: 'number 100000000000000000000' expected: 'int'",
            "Count: 9223372036854775808|Count|field: 'Count' in 'job' is invalid type: 'number 9223372036854775808' expected: 'int'",
            "Count: 1e-7|Count|field: 'Count' in 'job' is invalid type: 'number 1e-7' expected: 'int'",
            "Count: [1]|Count|field: 'Count' in 'job' is invalid type: 'array' expected: 'int'",
            "Name: yes|Name|field: 'Name' in 'job' is invalid type: 'bool' expected: 'string'",
            "Name: y|Name|field: 'Name' in 'job' is invalid type: 'bool' expected: 'string'",
            "Name: off|Name|field: 'Name' in 'job' is invalid type: 'bool' expected: 'string'",
            "Name: 123|Name|field: 'Name' in 'job' is invalid type: 'number' expected: 'string'",
            "Name: {a: 1}|Name|field: 'Name' in 'job' is invalid type: 'object' expected: 'string'",
            "Priority: high|Priority|field: 'Priority' in 'job' is invalid type: 'string' expected: 'int'",
            "Meta: {a: 1}|Meta.a|field: 'Meta' in 'job' is invalid type: 'number' expected: 'string'",
            "Labels: [a]|Labels|field: 'Labels' in 'job' is invalid type: 'array' expected: 'map[string]string'",
            "Tasks: x|Tasks|field: 'Tasks' in 'job' is invalid type: 'string' expected: '[]*models.Task'",
            "Tasks: [x]|Tasks[0]|field: 'Tasks' in 'job' is invalid type: 'string' expected: 'models.Task'",
            "Tasks: [{Env: {A: on}}]|Tasks[0].Env.A|field: 'Tasks.Env' in 'Task' is invalid type: 'bool' expected: 'models.EnvVarValue'",
            "Tasks: [{Engine: docker}]|Tasks[0].Engine|field: 'Tasks.Engine' in 'Task' is invalid type: 'string' expected: 'models.SpecConfig'",
            "Tasks: [{Engine: {Params: [1]}}]|Tasks[0].Engine.Params|field: 'Tasks.Engine.Params' in 'SpecConfig' is invalid type: 'array' expected: 'map[string]interface {}'",
            "Tasks: [{Network: {Type: 2}}]|Tasks[0].Network.Type|field: 'Tasks.Network.Type' in 'NetworkConfig' is invalid type: 'number' expected: 'models.Network'",
            "Tasks: [{Network: {Type: true}}]|Tasks[0].Network.Type|field: 'Tasks.Network.Type' in 'NetworkConfig' is invalid type: 'bool' expected: 'models.Network'",
            "Tasks: [{Network: {Ports: [{Static: '80'}]}}]|Tasks[0].Network.Ports[0].Static|field: 'Tasks.Network.Ports.Static' in 'PortMapping' is invalid type: 'string' expected: 'int'",
            "Tasks: [{Network: {Ports: {a: 1}}}]|Tasks[0].Network.Ports|field: 'Tasks.Network.Ports' in 'NetworkConfig' is invalid type: 'object' expected: 'models.PortMap'",
            "Tasks: [{Timeouts: {TotalTimeout: 1.5}}]|Tasks[0].Timeouts.TotalTimeout|field: 'Tasks.Timeouts.TotalTimeout' in 'TimeoutConfig' is invalid type: 'number 1.5' expected: 'int64'",
            "Tasks: [{Resources: {CPU: 1}}]|Tasks[0].Resources.CPU|field: 'Tasks.Resources.CPU' in 'ResourcesConfig' is invalid type: 'number' expected: 'string'",
            "Tasks: [{InputSources: [{Source: {Type: 1}}]}]|Tasks[0].InputSources[0].Source.Type|field: 'Tasks.InputSources.Source.Type' in 'SpecConfig' is invalid type: 'number' expected: 'string'",
            "Tasks: [{ResultPaths: [{Path: [a]}]}]|Tasks[0].ResultPaths[0].Path|field: 'Tasks.ResultPaths.Path' in 'ResultPath' is invalid type: 'array' expected: 'string'",
            "Constraints: [{Key: a, Operator: in, Values: [yes]}]|Constraints[0].Values[0]|field: 'Constraints.Values' in 'LabelSelectorRequirement' is invalid type: 'bool' expected: 'string'",
            "Constraints: [{Operator: 1}]|Constraints[0].Operator|field: 'Constraints.Operator' in 'LabelSelectorRequirement' is invalid type: 'number' expected: 'selection.Operator'"})
    void words_type_errors_as_the_cli_does(String yaml, String path, String message) {
        Decoding d = Decoding.of("Type: batch\n" + yaml + "\n");

        assertThat(d.messages()).containsExactly(message);
        assertThat(d.paths()).containsExactly(path);
        assertThat(d.job()).isNotNull();
    }

    @Test
    void collects_every_type_error_with_indexed_paths_and_positions() {
        Decoding d = Decoding.of("""
                Type: batch
                Name: on
                Tasks:
                  - Name: a
                  - Name: b
                    Network: {Type: 2}
                Count: '1'
                """);

        assertThat(d.messages()).containsExactly(
                "field: 'Count' in 'job' is invalid type: 'string' expected: 'int'",
                "field: 'Name' in 'job' is invalid type: 'bool' expected: 'string'",
                "field: 'Tasks.Network.Type' in 'NetworkConfig' is invalid type: 'number' expected: 'models.Network'");
        assertThat(d.paths()).containsExactly("Count", "Name", "Tasks[1].Network.Type");
        assertThat(d.positionOf("Tasks[1].Network.Type").line()).isEqualTo(6);
        assertThat(d.positionOf("Tasks[1].Network.Type").column()).isEqualTo(21);
        assertThat(d.job().tasks).hasSize(2);
    }

    @Test
    void allocates_a_struct_behind_a_pointer_even_when_its_value_is_the_wrong_type() {
        Decoding d = Decoding.of("Type: batch\nTasks: [{Name: t, Engine: docker}]\n");

        assertThat(d.job().tasks.get(0).engine).isNotNull();
        assertThat(d.job().tasks.get(0).engine.type).isEmpty();
    }

    @Test
    void parses_network_names_trimmed_and_in_any_case() {
        Decoding d = Decoding.of("Type: batch\nTasks: [{Network: {Type: ' hTTp '}}, {Network: {Type: Full}}, {Network: {Type: NONE}}]\n");

        assertThat(d.errors()).isEmpty();
        assertThat(d.job().tasks).extracting(t -> t.network.type).containsExactly(Network.HTTP, Network.FULL, Network.NONE);
    }

    @Test
    void reports_an_unknown_network_name_as_bacalhau_does() {
        Decoding d = Decoding.of("Type: batch\nTasks: [{Network: {Type: wifi}}, {Network: {Type: ''}}]\n");

        assertThat(d.messages()).containsExactly("models.Network: unknown type 'wifi'", "models.Network: unknown type ''");
        assertThat(d.paths()).containsExactly("Tasks[0].Network.Type", "Tasks[1].Network.Type");
    }

    @Test
    void puts_first_the_decoder_error_go_would_stop_at() {
        Decoding d = Decoding.of("Type: batch\nCount: '1'\nTasks: [{Network: {Type: wifi}}]\n");

        assertThat(d.messages()).containsExactly("models.Network: unknown type 'wifi'",
                "field: 'Count' in 'job' is invalid type: 'string' expected: 'int'");
    }

    @Test
    void refuses_infinity_and_nan_anywhere_before_decoding() {
        Decoding d = Decoding.of("Type: batch\nTasks:\n  - Name: t\n    Engine: {Type: x, Params: {Ratio: .inf, Other: [-.Inf, .nan]}}\n");

        assertThat(d.messages()).containsExactly(
                "converting yaml to json: json: unsupported value: -Inf",
                "converting yaml to json: json: unsupported value: NaN",
                "converting yaml to json: json: unsupported value: +Inf");
        assertThat(d.paths()).containsExactly(
                "Tasks[0].Engine.Params.Other[0]", "Tasks[0].Engine.Params.Other[1]", "Tasks[0].Engine.Params.Ratio");
        assertThat(d.positionOf("Tasks[0].Engine.Params.Ratio").line()).isEqualTo(4);
        assertThat(d.job()).isNull();
    }

    @Test
    void refuses_a_document_that_is_not_a_mapping_in_go_words() {
        assertThat(Decoding.of("- Name: x").messages())
                .containsExactly("json: cannot unmarshal array into Go value of type map[string]interface {}");
        assertThat(Decoding.of("just text").messages())
                .containsExactly("json: cannot unmarshal string into Go value of type map[string]interface {}");
        assertThat(Decoding.of("42").messages())
                .containsExactly("json: cannot unmarshal number into Go value of type map[string]interface {}");
        assertThat(Decoding.of("- Name: x").job()).isNull();
    }
}
