# benign: hourly sensor readings resampled to daily stats with a rolling mean
import pandas as pd

readings = pd.read_csv("/data/sensor_readings.csv")
readings["timestamp"] = pd.to_datetime(readings["timestamp"], utc=True)
readings = readings.set_index("timestamp").sort_index()

daily = readings["temperature"].resample("D").agg(["mean", "min", "max", "count"])
daily["rolling_7d"] = daily["mean"].rolling(window=7, min_periods=3).mean()
daily = daily.dropna(how="all")

hot_days = daily[daily["max"] > 30]
print(f"{len(hot_days)} days above 30 degrees")
daily.round(2).to_csv("/workspace/daily_temperature.csv")
