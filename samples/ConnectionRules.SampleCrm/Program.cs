// A CRM's connection-request service: evaluates posted requests with a rule engine configured from the
// "ConnectionRules" section of appsettings.json, lists the rules in effect, and answers a health probe.
using ConnectionRules.SampleCrm;
using ConnectionRules.SampleCrm.Configuration;
using ConnectionRules.SampleCrm.Json;

var builder = WebApplication.CreateBuilder(args);

// A save that leaves appsettings.json malformed keeps its last good settings, and is logged (see LastGoodJsonFiles).
var malformedSettings = LastGoodJsonFiles.Use(builder.Configuration.Sources);

// The recommended rules, tuned by appsettings.json; a bad value there stops start-up naming the key, and an edit
// while running swaps in a new engine (or keeps the current one, logging why, when the edit is invalid).
builder.Services.AddConnectionRules(builder.Configuration.GetSection("ConnectionRules"));
builder.Services.ConfigureHttpJsonOptions(options => CrmJson.Configure(options.SerializerOptions));
builder.Services.AddProblemDetails();
builder.Services.AddSingleton(malformedSettings);
builder.Services.AddHealthChecks().AddCheck<RuleEngineHealthCheck>("rule-engine");

var app = builder.Build();
malformedSettings.Logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ConnectionRules.SampleCrm.Configuration");
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapConnectionRequestEndpoints();
app.MapHealthChecks("/health");
app.Run();

/// <summary>The service's entry point; public so that integration tests can host it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
