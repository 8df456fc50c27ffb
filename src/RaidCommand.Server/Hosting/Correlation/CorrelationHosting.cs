namespace RaidCommand.Server.Hosting.Correlation;

public static class CorrelationHosting
{
    public static IServiceCollection AddCorrelation(this IServiceCollection services)
    {
        services.AddScoped<CorrelationContext>();
        services.AddScoped<ICorrelationContext>(provider => provider.GetRequiredService<CorrelationContext>());
        return services;
    }
}
