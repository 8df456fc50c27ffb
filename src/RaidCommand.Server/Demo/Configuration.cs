namespace RaidCommand.Server.Demo;

public static class Configuration
{
    /// <summary>Adds the demo player when Demo:Enabled is set; otherwise nothing of the demo runs.</summary>
    public static IServiceCollection AddDemo(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(DemoOptions.Section);
        if (section.GetValue<bool>(nameof(DemoOptions.Enabled)))
        {
            services.Configure<DemoOptions>(section);
            services.AddHostedService<DemoService>();
        }

        return services;
    }
}
