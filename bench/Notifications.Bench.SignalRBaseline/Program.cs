using Notifications.Bench.SignalRBaseline;

// A bare SignalR hub with the WebFront's send API that stores nothing: the transport ceiling that the
// Orleans system is measured against. Bind it with ASPNETCORE_URLS.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddBaselineServices();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapBaselineEndpoints();
app.MapHub<NotificationHub>("/hubs/notifications");

app.Run();
