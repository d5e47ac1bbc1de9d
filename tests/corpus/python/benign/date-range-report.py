# benign: list ISO weeks and business days between two dates given on the command line
import argparse
from datetime import date, timedelta


def business_days(start: date, end: date):
    day = start
    while day <= end:
        if day.weekday() < 5:
            yield day
        day += timedelta(days=1)


def main():
    parser = argparse.ArgumentParser(description="business days between two dates")
    parser.add_argument("start", type=date.fromisoformat)
    parser.add_argument("end", type=date.fromisoformat)
    args = parser.parse_args()
    days = list(business_days(args.start, args.end))
    weeks = sorted({d.isocalendar()[1] for d in days})
    print(f"{len(days)} business days in ISO weeks {weeks[0] if weeks else '-'}..{weeks[-1] if weeks else '-'}")
    for d in days:
        print(d.isoformat(), d.strftime("%A"))


main()
