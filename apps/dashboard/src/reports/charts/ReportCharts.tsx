import { Bar, BarChart, CartesianGrid, ErrorBar, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslate } from 'react-admin';
import type { MpEngagementReport, TopicsByNationReport } from '@campaign-desk/contracts';
import {
  actionsPoints,
  CHART_ACTION_TYPES,
  CHART_NATIONS,
  medianDaysPoints,
  ratePoints,
  topicPoints,
  UNKNOWN_NATION,
} from './chartData';
import { enumLabelKey } from '../../shared/i18n/enumLabels';

/**
 * The reports page's charts. This module is only loaded through React.lazy (see LazyCharts.tsx), so recharts
 * stays out of the main bundle.
 */
const HEIGHT = 300;
const PALETTE = ['#1565c0', '#2e7d32', '#ef6c00', '#6a1b9a', '#c62828', '#00838f', '#757575'];

const Frame = ({ children }: { children: React.ReactElement }) => (
  <ResponsiveContainer width="100%" height={HEIGHT}>
    {children}
  </ResponsiveContainer>
);

export const RateByPartyChart = ({ report }: { report: MpEngagementReport }) => {
  const translate = useTranslate();
  return (
    <Frame>
      <BarChart data={ratePoints(report)} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" interval={0} />
        <YAxis domain={[0, 100]} unit="%" />
        <Tooltip />
        <Bar dataKey="rate" name={translate('reports.charts.responseRate')} fill={PALETTE[0]} isAnimationActive={false}>
          <ErrorBar dataKey="interval" width={8} stroke="#212121" strokeWidth={2} isAnimationActive={false} />
        </Bar>
      </BarChart>
    </Frame>
  );
};

export const MedianDaysByRegionChart = ({ report }: { report: MpEngagementReport }) => {
  const translate = useTranslate();
  return (
    <Frame>
      <BarChart data={medianDaysPoints(report)} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="label" width={150} interval={0} />
        <Tooltip />
        <Bar dataKey="days" name={translate('reports.charts.medianDays')} fill={PALETTE[1]} isAnimationActive={false} />
      </BarChart>
    </Frame>
  );
};

export const ActionsByMonthChart = ({ report }: { report: MpEngagementReport }) => {
  const translate = useTranslate();
  return (
    <Frame>
      <BarChart data={actionsPoints(report)} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Legend />
        {CHART_ACTION_TYPES.map((type, i) => (
          <Bar
            key={type}
            dataKey={type}
            stackId="actions"
            name={translate(enumLabelKey('mpActionType', type))}
            fill={PALETTE[i % PALETTE.length]}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </Frame>
  );
};

export const CasesByTopicChart = ({ report }: { report: TopicsByNationReport }) => {
  const translate = useTranslate();
  const data = topicPoints(report).map((point) => ({
    ...point,
    topic: translate(enumLabelKey('topic', point.topic)),
  }));
  return (
    <Frame>
      <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="topic" width={170} interval={0} />
        <Tooltip />
        <Legend />
        {CHART_NATIONS.map((nation, i) => (
          <Bar
            key={nation}
            dataKey={nation}
            stackId="nations"
            name={nation === UNKNOWN_NATION ? translate('reports.charts.unknownNation') : nation}
            fill={PALETTE[i % PALETTE.length]}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </Frame>
  );
};
