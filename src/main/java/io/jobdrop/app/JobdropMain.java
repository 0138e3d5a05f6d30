package io.jobdrop.app;

import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PropertiesComponent;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The service as {@code jobdrop run} starts it: a Camel Main whose jobdrop.* placeholders are exactly the resolved
 * {@link Settings}. Camel's properties component would otherwise look the environment and -D up before our values
 * (its "override" mode), so {@code JOBDROP_INBOX=a run --inbox b} would take {@code a}; here the resolver alone owns
 * the jobdrop.* keys, and Camel's own lookups of environment and system properties are off.
 */
public final class JobdropMain {

    /** The registry name of the {@link Settings} the service was started with. */
    static final String SETTINGS_BEAN = "jobdropSettings";

    private JobdropMain() {
    }

    /**
     * Checks what can be checked before anything starts (the API address is free, the orchestrator URL is one), so a
     * bad start is one line, then builds the Main.
     *
     * @throws SettingException naming the key, the value and its source
     */
    public static Main create(Settings settings) {
        ApiAddress.of(settings).checkFree();
        Main main = new Main();
        main.configure().addConfiguration(JobdropConfiguration.class);
        main.bind(SETTINGS_BEAN, settings);
        main.setOverrideProperties(placeholders(settings));
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeConfigure(BaseMainSupport m) {
                ownPlaceholders(m.getCamelContext());
            }
        });
        return main;
    }

    /** What {@code {{jobdrop.*}}} placeholders resolve to: the settings, with the orchestrator's address worked out. */
    private static Properties placeholders(Settings settings) {
        Properties values = new Properties();
        values.putAll(settings.all());
        values.put("jobdrop.orchestrator.url", settings.orchestratorUrl().toString());
        return values;
    }

    /** Placeholders resolve from jobdrop's properties only: no environment or -D lookups ahead of them. */
    static void ownPlaceholders(CamelContext context) {
        PropertiesComponent props = context.getPropertiesComponent();
        if (props instanceof org.apache.camel.component.properties.PropertiesComponent pc) {
            pc.setEnvironmentVariableMode(
                    org.apache.camel.component.properties.PropertiesComponent.ENVIRONMENT_VARIABLES_MODE_NEVER);
            pc.setSystemPropertiesMode(
                    org.apache.camel.component.properties.PropertiesComponent.SYSTEM_PROPERTIES_MODE_NEVER);
        }
    }

    /**
     * The settings of a context: those {@code run} bound, or, in a context built some other way (tests built on
     * Camel Main's test support), the resolver applied to the properties handed to Camel as overrides, standing in
     * for flags. Either way, Camel's placeholders are then made to agree with them.
     */
    static Settings of(CamelContext context) {
        Settings bound = context.getRegistry().lookupByNameAndType(SETTINGS_BEAN, Settings.class);
        if (bound != null) {
            return bound;
        }
        PropertiesComponent props = context.getPropertiesComponent();
        List<Settings.Flag> overrides = new ArrayList<>();
        Properties given = props instanceof org.apache.camel.component.properties.PropertiesComponent pc
                ? pc.getOverrideProperties() : null;
        if (given != null) {
            given.stringPropertyNames().stream().filter(key -> key.startsWith("jobdrop.")).forEach(key -> overrides.add(
                    new Settings.Flag(key, "override property " + key, given.getProperty(key))));
        }
        Settings settings = Settings.resolve(overrides);
        ownPlaceholders(context);
        placeholders(settings).forEach((key, value) -> props.addOverrideProperty((String) key, (String) value));
        return settings;
    }
}
