# benign: crosstab of survey answers by age group
import pandas as pd

survey = pd.read_csv("/data/survey.csv")
bins = [0, 24, 34, 44, 54, 64, 120]
labels = ["<25", "25-34", "35-44", "45-54", "55-64", "65+"]
survey["age_group"] = pd.cut(survey["age"], bins=bins, labels=labels, right=True)

table = pd.crosstab(survey["age_group"], survey["answer"], normalize="index").mul(100).round(1)
counts = pd.crosstab(survey["age_group"], survey["answer"], margins=True)

print("Share of answers per age group (%):")
print(table)
print()
print(counts)
table.to_csv("/workspace/survey_crosstab.csv")
