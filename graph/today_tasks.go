package graph

import (
	"fmt"

	"tandem/ent/task"
	"tandem/graph/model"
)

// todayTasks lists the viewer's tasks due today or overdue.
func todayTasks(run *todayRun) error {
	if run.v.UserID != "" {
		tasks, err := run.c.Task.Query().Where(
			task.AssigneeID(run.v.UserID), task.StatusEQ(task.StatusOPEN),
			task.DueAtNotNil(), task.DueAtLT(run.tomorrow),
		).All(run.asked)
		if err != nil {
			return err
		}
		for _, t := range tasks {
			due := *t.DueAt
			if due.Before(run.now) {
				n := daysSince(run.now, due)
				reason := say(run.lang, "已逾期，尚未完成", "Overdue and still open")
				if n > 0 {
					reason = say(run.lang, fmt.Sprintf("已逾期 %d 天，尚未完成", n), "Overdue by "+days(n)+" and still open")
				}
				run.add(model.TodayKindTaskOverdue, t.ID, t.CustomerID, t, t.Title, reason, &due)
			} else {
				run.add(model.TodayKindTaskDue, t.ID, t.CustomerID, t, t.Title, say(run.lang, "今天到期", "Due today"), &due)
			}
		}
	}
	return nil
}
